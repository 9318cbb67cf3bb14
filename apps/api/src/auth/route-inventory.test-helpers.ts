import { RequestMethod } from '@nestjs/common';
import { METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants';
import { ModulesContainer } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { API_PREFIX, UNPREFIXED_ROUTES } from '../routes';
import type { Role } from './caller';
import { CONFINED_TO_SENDERS } from './confined-to-senders.decorator';
import { IS_PUBLIC } from './public.decorator';
import { DEFAULT_REQUIRED_ROLE, REQUIRED_ROLE } from './roles.decorator';
import { SENDS_SMS, type SendsSmsOptions } from './sends-sms.decorator';

export interface ControllerRoute {
  /** Upper case, as in HTTP (`GET`), or `ALL`. */
  method: string;
  /** As Express serves it: `/api/v1/flex-flows/:sid`. */
  path: string;
  isPublic: boolean;
  role: Role;
  sendsSms?: SendsSmsOptions;
  /** Marked @ConfinedToSenders(): keeps a key restricted to sender numbers to their data itself. */
  confinedToSenders: boolean;
}

/** Every route of every controller Nest registered in this app, with the auth metadata the guard reads. */
export function controllerRoutes(app: NestExpressApplication): ControllerRoute[] {
  const routes: ControllerRoute[] = [];
  for (const module of app.get(ModulesContainer).values()) {
    for (const wrapper of module.controllers.values()) {
      const controller = wrapper.metatype as (new (...args: never[]) => object) | null;
      if (!controller) continue;
      for (const name of Object.getOwnPropertyNames(controller.prototype)) {
        const handler = (controller.prototype as Record<string, unknown>)[name];
        if (typeof handler !== 'function' || Reflect.getMetadata(METHOD_METADATA, handler) === undefined) continue;
        const read = <T>(key: string) => (Reflect.getMetadata(key, handler) ?? Reflect.getMetadata(key, controller)) as T | undefined;
        const method = RequestMethod[Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod];
        for (const path of pathsOf(controller, handler, method)) {
          const sendsSms = read<SendsSmsOptions>(SENDS_SMS);
          routes.push({
            method,
            path,
            isPublic: read<boolean>(IS_PUBLIC) === true,
            role: read<Role>(REQUIRED_ROLE) ?? DEFAULT_REQUIRED_ROLE,
            ...(sendsSms ? { sendsSms } : {}),
            confinedToSenders: read<boolean>(CONFINED_TO_SENDERS) === true,
          });
        }
      }
    }
  }
  return routes;
}

/** Every route Express serves (Nest's controllers, and what was mounted beside them, such as Swagger UI). */
export function expressRoutes(app: NestExpressApplication): { method: string; path: string }[] {
  const express = app.getHttpAdapter().getInstance() as { router: { stack: { route?: { path: string; methods: Record<string, boolean> } }[] } };
  return express.router.stack.flatMap((layer) =>
    layer.route
      ? Object.keys(layer.route.methods).map((method) => ({ method: method === '_all' ? 'ALL' : method.toUpperCase(), path: layer.route!.path }))
      : [],
  );
}

/** A concrete URL for a route pattern: every `:param` filled with a value no resource has. */
export function concretePath(path: string): string {
  return path.replace(/:(\w+)/g, (_match, name: string) => (/sid$/i.test(name) ? 'XX00000000000000000000000000000000' : `no-such-${name}`));
}

function pathsOf(controller: object, handler: object, method: string): string[] {
  const controllerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, controller) ?? '/');
  const handlerPaths = ([] as string[]).concat(Reflect.getMetadata(PATH_METADATA, handler) ?? '/');
  return controllerPaths.flatMap((base) =>
    handlerPaths.map((own) => {
      const relative = [base, own]
        .map((part) => part.replace(/^\/+|\/+$/g, ''))
        .filter(Boolean)
        .join('/');
      const unprefixed = UNPREFIXED_ROUTES.some(
        (route) => route.path === relative && (route.method === RequestMethod.ALL || RequestMethod[route.method] === method),
      );
      return `/${unprefixed ? relative : [API_PREFIX, relative].filter(Boolean).join('/')}`;
    }),
  );
}
