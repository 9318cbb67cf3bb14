/** A Studio Flow of the account: where a Studio Flex Flow hands the messages it receives. */
export interface StudioFlow {
  sid: string;
  friendlyName: string;
}

export interface StudioFlowPort {
  /** `null` when the account has no Studio Flow with this SID. */
  fetchStudioFlow(sid: string): Promise<StudioFlow | null>;
}
