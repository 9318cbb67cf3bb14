import type { SandboxState } from '../../core/state';
import type { MessageChannel } from '../../messaging/channel-address';
import { readContentVariables, renderContent, type RenderedContent } from './content-rendering';
import type { ContentTemplate } from './content.store';

/** Why a send's `ContentSid`/`ContentVariables` cannot be used; each product answers it with its own code. */
export type ContentProblem = 'unknown-content' | 'invalid-variables' | 'unrenderable';

export interface ContentForSend {
  template: ContentTemplate;
  variables: Record<string, string>;
}

/** The template a send names, with the variables it sent: checked once, when the send is made. */
export function contentForSend(state: SandboxState, contentSid: string, variablesText: string | undefined): ContentForSend | ContentProblem {
  const template = state.content.contents.get(contentSid);
  if (!template) return 'unknown-content';
  const variables = readContentVariables(variablesText);
  if (!variables) return 'invalid-variables';
  if (!renderContent(template, variables, 'whatsapp')) return 'unrenderable';
  return { template, variables };
}

/** The template filled in for one recipient's channel (checked by `contentForSend`, so it renders). */
export function renderFor(content: ContentForSend, channel: MessageChannel): RenderedContent {
  return renderContent(content.template, content.variables, channel) as RenderedContent;
}
