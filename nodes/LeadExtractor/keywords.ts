/**
 * Default intent keywords (Chinese), per vertical. Marketers tune them in the node; these are the starting point.
 * Each word is matched as a plain substring of the width-normalised, lower-cased message.
 */
export interface IntentKeywords {
	/** Wants to buy / book / be contacted. */
	high: string[];
	/** Asks about price, opening hours, address, group deals, availability. */
	medium: string[];
	/** Vague interest. */
	low: string[];
	/** Spam, ads, auto-replies, brush-offs: no intent even with a contact. */
	none: string[];
}

export const VERTICALS = ['general', 'localLife', 'education', 'decoration', 'auto', 'beauty', 'medical'] as const;
export type Vertical = (typeof VERTICALS)[number];

export const DEFAULT_KEYWORDS: Record<Vertical, IntentKeywords> = {
	general: {
		high: [
			'预约', '预定', '预订', '下单', '怎么买', '想买', '要买', '我要订', '帮我订', '订一个', '订两', '购买', '怎么付款', '已付', '转账',
			'报名', '办卡', '办理', '到店', '上门', '联系我', '打电话给我', '给我打电话', '打个电话', '打我电话', '回电', '回个电话',
			'我的电话', '我的手机', '我的号码', '我的微信', '加我微信', '加微信', '加你微信', '加个微信', 'wechat', '加一下', '约个时间', '什么时候能约', '能约',
			'我想去', '想去看看', '有链接吗', '怎么交费', '交定金',
		],
		medium: [
			'多少钱', '价格', '价钱', '价位', '收费', '费用', '报价', '优惠', '折扣', '团购', '套餐', '活动', '便宜', '贵不贵',
			'营业时间', '几点', '开门', '关门', '营业', '地址', '在哪', '位置', '怎么走', '停车', '分店', '门店',
			'有货', '现货', '还有吗', '还有位置', '有没有', '有吗', '能用吗', '可以吗', '够吗', '能搞定', '支持', '多久', '首付', '预算', '学费', '元吗', '是全包',
			'你们店电话', '你们电话', '客服电话',
		],
		low: [
			'了解', '看看', '兴趣', '介绍', '怎么样', '推荐', '效果', '靠谱', '考虑', '说说', '请问', '在吗', '你好', '您好', '咨询',
			'问一下', '什么意思', '订单', '发货', '打不通', '没人接', '查不到', '核销', '同款', '对吗', '怎么查', '怎么用', '先聊', '链接', '留电话', '不留',
		],
		none: [
			'自动回复', '有事不在', '不方便，稍后', '现在不方便', '刷单', '兼职', '日结', '互粉', '互赞', '回关', '代理', '加盟', '月入',
			'加群', '进群', '不需要', '别再发', '别发了', '不用了', '晚安', '哈哈', '好漂亮', '主播', '天气',
		],
	},
	localLife: {
		high: ['订座', '订位', '包间', '几位', '团建'],
		medium: ['人均', '菜单', '外卖', '包厢', '排队', '能吃', '吃够'],
		low: ['好吃吗', '口味'],
		none: [],
	},
	education: {
		high: ['试听', '体验课', '插班', '报班'],
		medium: ['课时', '课程', '班级', '几岁', '上课时间', '师资', '期的'],
		low: ['适合', '基础'],
		none: [],
	},
	decoration: {
		high: ['量房', '设计方案', '出方案', '签合同'],
		medium: ['全包', '半包', '平方', '平米', '工期', '主材', '辅材'],
		low: ['风格', '案例'],
		none: [],
	},
	auto: {
		high: ['试驾', '提车', '订车', '看车', '实车'],
		medium: ['落地价', '裸车', '贷款', '置换', '分期', '配置', '库存'],
		low: ['油耗', '车型'],
		none: [],
	},
	beauty: {
		high: ['面诊', '做个', '想做'],
		medium: ['疗程', '几次', '恢复期', '项目'],
		low: ['皮肤', '适不适合'],
		none: [],
	},
	medical: {
		high: ['挂号', '看诊', '就诊', '复诊'],
		medium: ['医保', '检查费', '门诊时间', '坐诊'],
		low: ['症状', '疼不疼'],
		none: [],
	},
};

/** Every vertical's keywords merged: the default when the node does not narrow the vertical. */
export function mergedKeywords(verticals: readonly Vertical[] = VERTICALS): IntentKeywords {
	const merged: IntentKeywords = { high: [], medium: [], low: [], none: [] };
	for (const vertical of verticals) {
		for (const level of ['high', 'medium', 'low', 'none'] as const) merged[level].push(...DEFAULT_KEYWORDS[vertical][level]);
	}
	return merged;
}
