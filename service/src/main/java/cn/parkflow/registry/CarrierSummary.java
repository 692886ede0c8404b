package cn.parkflow.registry;

import java.time.LocalDate;
import java.util.List;

/** A carrier as the registry list shows it. Codes travel with their Chinese labels. */
public record CarrierSummary(
        long id, String name, String operatorName, String creditCode,
        CarrierKind kind, String kindLabel, Level level, String levelLabel,
        City city, String cityName, String address, List<Industry> industries,
        CarrierStatus status, String statusLabel, LocalDate certifiedSince, List<String> titles) {}
