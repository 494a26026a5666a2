import type { Services } from "../context.js";
import { LoginThrottle } from "./login-throttle.js";
import { ResetThrottle } from "./reset-throttle.js";

/** The throttles of one server. */
export interface Throttles {
  login: LoginThrottle;
  passwordReset: ResetThrottle;
}

const byServer = new WeakMap<Services, Throttles>();

/** The throttles of the server that owns `services`, made on first use. */
export function throttlesOf(services: Services): Throttles {
  let throttles = byServer.get(services);
  if (!throttles) {
    throttles = {
      login: new LoginThrottle(services.config),
      passwordReset: new ResetThrottle(services.config),
    };
    byServer.set(services, throttles);
  }
  return throttles;
}
