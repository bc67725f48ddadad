package model

// ResolvedDataWithin is ResolvedData with a smaller budget, for tests.
var ResolvedDataWithin = resolvedData
