import { kerror } from '../errors';
import type { ControllerActions, RequestContext } from '../context';

function bodyString(ctx: RequestContext, name: string): string {
  const value = ctx.request.requireBody()[name];
  if (value === undefined || value === null) {
    throw kerror('api.assert.missing_argument', `body.${name}`);
  }
  if (typeof value !== 'string') {
    throw kerror('api.assert.invalid_type', `body.${name}`, 'string');
  }
  return value;
}

/** The `realtime` controller. */
export const realtimeActions: ControllerActions = {
  subscribe: (ctx) => ctx.kernel.realtime.subscribe(ctx.request, ctx.connection.id),

  unsubscribe: (ctx) => {
    const roomId = bodyString(ctx, 'roomId');
    ctx.kernel.realtime.unsubscribe(ctx.connection.id, roomId);
    return { roomId };
  },

  count: (ctx) => ({ count: ctx.kernel.realtime.rooms.count(bodyString(ctx, 'roomId')) }),

  list: (ctx) => ctx.kernel.realtime.rooms.list(),

  publish: (ctx) => {
    ctx.request.requireIndexAndCollection();
    const source = { ...ctx.request.requireBody(), _kuzzle_info: { author: ctx.user._id, createdAt: Date.now() } };
    ctx.kernel.realtime.publish(ctx.request, source);
    return { published: true };
  },
};
