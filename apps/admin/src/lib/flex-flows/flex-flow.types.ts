// A Flex Flow as the API lists it (apps/api/src/flex-flow/flex-flow.response.dto.ts).
import type { Schema } from '../api/wire';

/** `contactIdentity`: for sms, the Twilio number. */
export type FlexFlow = Schema<'FlexFlowDto'>;
