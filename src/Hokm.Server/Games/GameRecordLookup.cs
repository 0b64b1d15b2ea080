namespace Hokm.Server.Games;

/// <summary>The outcome of a record lookup: the record's JSON when found, else why not.</summary>
internal sealed record GameRecordLookup(GameRecordStatus Status, string? Json, string? Detail);
