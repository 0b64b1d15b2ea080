namespace Hokm.Audit.Records;

/// <summary>
/// A hokm-record/1 game as read, tolerant of damage: a null member could not be read (already
/// reported as a format violation) and the checks that need it are skipped.
/// </summary>
/// <param name="PlayerSeats">The seat of each player entry, in record order; null when any entry is unreadable.</param>
/// <param name="HakemDraws">Null when any draw could not be read.</param>
internal sealed record GameRecord(
    string? Seed,
    int? TargetScore,
    IReadOnlyList<int>? PlayerSeats,
    IReadOnlyList<SeatCard>? HakemDraws,
    IReadOnlyList<HandRecord>? Hands,
    Team? Winner,
    TeamScore? Score);
