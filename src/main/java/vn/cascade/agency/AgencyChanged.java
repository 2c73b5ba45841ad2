package vn.cascade.agency;

/**
 * An agency was added or changed on the administrator's page or by an import, published inside
 * the change's transaction: its Camunda group and standing authorizations follow at once.
 */
public record AgencyChanged(Agency agency) {
}
