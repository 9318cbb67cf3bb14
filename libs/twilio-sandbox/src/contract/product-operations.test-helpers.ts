/**
 * Every Twilio operation the product calls, as `<domain>:<operationId>` of Twilio's specs. The contract test fails
 * when one of them was not exercised, so an endpoint added to the product cannot escape the check silently:
 * add it here and to the test together.
 */
export const PRODUCT_OPERATIONS: readonly string[] = [
  'flex-api:ListFlexFlow',
  'flex-api:FetchFlexFlow',
  'flex-api:CreateFlexFlow',
  'flex-api:UpdateFlexFlow',
  'flex-api:DeleteFlexFlow',
  'flex-api:CreateChannel',
  'flex-api:ListChannel',
  'flex-api:FetchChannel',
  'flex-api:DeleteChannel',

  'chat:ListService',
  'chat:FetchService',
  'chat:ListChannel',
  'chat:FetchChannel',
  'chat:UpdateChannel',
  'chat:DeleteChannel',
  'chat:CreateMessage',
  'chat:ListMessage',
  'chat:ListMember',
  'chat:ListUser',
  'chat:FetchUser',
  'chat:ListUserChannel',

  'proxy:ListService',
  'proxy:FetchService',
  'proxy:ListPhoneNumber',
  'proxy:CreateSession',
  'proxy:ListSession',
  'proxy:FetchSession',
  'proxy:UpdateSession',
  'proxy:DeleteSession',
  'proxy:CreateParticipant',
  'proxy:ListParticipant',
  'proxy:DeleteParticipant',
  'proxy:ListMessageInteraction',

  'taskrouter:ListWorkspace',
  'taskrouter:FetchWorkspace',
  'taskrouter:ListWorkflow',
  'taskrouter:FetchWorkflow',
  'taskrouter:ListTaskChannel',
  'taskrouter:FetchTaskChannel',
  'taskrouter:ListTask',
  'taskrouter:FetchTask',
  'taskrouter:UpdateTask',

  'studio:ListFlow',
  'studio:FetchFlow',
  'studio:ListExecution',

  'api:ListMessage',
  'api:FetchMessage',
  'api:ListIncomingPhoneNumber',

  // The account's Content templates with their WhatsApp approval (`GET /api/v1/content-templates`), and one template.
  'content:ListContentAndApprovals',
  'content:ListContent',
  'content:FetchContent',
];
