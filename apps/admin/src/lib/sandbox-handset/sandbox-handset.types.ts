// /api/v1/sandbox/handset
import type { Schema } from '../api/wire';

/** `accountNumbers`: the sandbox account's numbers, the ones a customer can text. */
export type HandsetList = Schema<'HandsetListDto'>;
export type HandsetSummary = Schema<'HandsetSummaryDto'>;
/** As the phone sees it: `received` came from the account, `sent` went to it. */
export type HandsetMessage = Schema<'HandsetMessageDto'>;
export type HandsetThread = Schema<'HandsetThreadDto'>;
export type HandsetReplyOutcome = Schema<'HandsetReplyResponseDto'>;
