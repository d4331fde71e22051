export interface HealthCheckResult {
  status: 'up' | 'down';
  /** Why the dependency is down, or a fact worth showing an operator when it is up. */
  detail?: string;
}

/** One dependency a service needs in order to do its work; `/health/ready` asks each of them. */
export interface HealthCheck {
  readonly name: string;
  check(): Promise<HealthCheckResult>;
}

export const HEALTH_CHECKS = Symbol('HEALTH_CHECKS');
