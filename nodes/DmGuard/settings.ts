import type { IDataObject, INodeProperties } from 'n8n-workflow';

import type { GuardOptions, GuardRule } from './guard';
import { splitList } from '../shared/parameters';
import { GUARD_RULES } from './guard';

const RULE_NAMES: Record<GuardRule, string> = {
	phone: 'Phone Numbers',
	wechat: 'WeChat IDs',
	qq: 'QQ Numbers',
	email: 'E-Mail Addresses',
	link: 'Links',
	qr_code: 'QR-Code Wording (扫码, 二维码)',
	off_platform: 'Off-Platform Invitations (加微信, 私聊我V)',
	sensitive_word: 'Sensitive Words',
};

/** The guard settings a Send node offers too (see Douyin → Message → Send → Options). */
export const guardSettingsProperties: INodeProperties[] = [
	{
		displayName: 'Sensitive Words',
		name: 'sensitiveWords',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: '最便宜, 100%有效',
		description: 'Comma- or line-separated words that must never be sent',
	},
	{
		displayName: 'Allowed Link Domains',
		name: 'allowedDomains',
		type: 'string',
		default: '',
		placeholder: 'brand.cn',
		description: 'Comma-separated domains whose links may be sent (subdomains included)',
	},
	{
		displayName: 'Rules to Skip',
		name: 'disabledRules',
		type: 'multiOptions',
		options: GUARD_RULES.map((value) => ({ name: RULE_NAMES[value], value })),
		default: [],
	},
];


/** Turn node settings (Guard node or a Send's options) into checkOutgoing options. */
export function guardOptionsFrom(settings: IDataObject): GuardOptions {
	return {
		sensitiveWords: splitList(settings.sensitiveWords),
		allowedDomains: splitList(settings.allowedDomains),
		disabledRules: (settings.disabledRules as GuardRule[] | undefined) ?? [],
	};
}
