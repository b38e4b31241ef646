import type { ILoadOptionsFunctions, INodeListSearchResult } from 'n8n-workflow';

import { createDouyinTransport } from '../transport/openPlatform';

/** Lead cards of the credential's account for resource locators (douyin.md §6). */
export async function searchLeadCards(this: ILoadOptionsFunctions, filter?: string): Promise<INodeListSearchResult> {
	const transport = await createDouyinTransport(this);
	const cards = await transport.listLeadCards();
	const needle = (filter ?? '').toLowerCase();
	return {
		results: cards
			.map((card) => ({ name: `${String(card.title ?? '(untitled)')} (${String(card.card_id)})`, value: String(card.card_id) }))
			.filter((card) => !needle || card.name.toLowerCase().includes(needle)),
	};
}
