/** Sent in every request's `volatile.sdkName`. */
export const SDK_NAME = 'kuzzle-rx@0.1.0';
