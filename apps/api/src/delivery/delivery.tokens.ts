/** MessageDeliveryPort over the API's SDK client. */
export const MESSAGE_DELIVERY = Symbol('MESSAGE_DELIVERY');
/** DeliveryCallbackRegistryPort over the API's SDK client. */
export const DELIVERY_CALLBACK_REGISTRY = Symbol('DELIVERY_CALLBACK_REGISTRY');
