@org.springframework.modulith.ApplicationModule(displayName = "Reports and KPIs") @org.jspecify.annotations.NullMarked package org.guichet.reporting;
