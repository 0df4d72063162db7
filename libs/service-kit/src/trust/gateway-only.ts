import { type RequestHandler } from 'express';
import { type GraphQLFieldResolver, type GraphQLSchema } from 'graphql';
import { MapperKind, mapSchema } from '@graphql-tools/utils';
import { type Logger } from 'pino';
import { forbidden } from '../errors/errors';
import { type ServiceContext } from '../auth/service-context';
import { verifyForwardedContext } from './forwarded-context';

/** Who sent a subgraph request, as the trust check established it (kept in `res.locals.forwarded`). */
export interface ForwardedCaller {
  clientIp: string;
  /** Signed by the gateway. */
  fromGateway: boolean;
}

/**
 * In front of a subgraph's `/graphql`: forwarded context the gateway did not sign is
 * answered 403 FORBIDDEN before anything runs (UNAUTHENTICATED stays reserved for the
 * user's token, so a client never reacts to it by signing out). A request without any
 * forwarded context is a direct call, counted by its socket address.
 */
export function forwardedContextGuard(secret: string, logger: Logger): RequestHandler {
  return (req, res, next) => {
    const verdict = verifyForwardedContext(secret, (name) => req.header(name));
    if (verdict.kind === 'refused') {
      logger.warn(
        { reason: verdict.reason, remoteAddress: req.socket.remoteAddress },
        'forwarded context refused',
      );
      res.status(403).json({
        errors: [
          {
            message: `Forwarded context refused: ${verdict.reason}`,
            extensions: { code: 'FORBIDDEN' },
          },
        ],
      });
      return;
    }
    const caller: ForwardedCaller =
      verdict.kind === 'gateway'
        ? { clientIp: verdict.clientIp, fromGateway: true }
        : { clientIp: req.socket.remoteAddress ?? 'unknown', fromGateway: false };
    res.locals.forwarded = caller;
    next();
  };
}

/**
 * `_service { sdl }` answered only to the gateway: in production nobody else needs the
 * subgraph's full schema (composition prints it offline, print-schema.ts).
 */
export function serviceSdlOnlyToGateway(schema: GraphQLSchema): GraphQLSchema {
  const queryType = schema.getQueryType()?.name;
  return mapSchema(schema, {
    [MapperKind.ROOT_FIELD]: (field, fieldName, typeName) => {
      if (typeName !== queryType || fieldName !== '_service') return field;
      const resolve = field.resolve as GraphQLFieldResolver<unknown, ServiceContext>;
      return {
        ...field,
        resolve: (source, args, context: ServiceContext, info) => {
          if (!context.fromGateway) throw forbidden('The service SDL is served to the gateway only');
          return resolve(source, args, context, info);
        },
      };
    },
  });
}
