package cn.parkflow.registry;

/** What other capabilities need to know of a carrier to name it and route its work. */
public record CarrierBrief(long id, String name, String operatorName, String creditCode, CarrierKind kind, City city,
        CarrierStatus status) {}
