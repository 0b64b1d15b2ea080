namespace Hokm.Audit.Records;

/// <summary>
/// One trick as recorded. A null member could not be read (already reported as a format
/// violation); checks that need it are skipped rather than guessed.
/// </summary>
/// <param name="Plays">Null when any play could not be read, so card tracking never works from a partial trick.</param>
internal sealed record TrickRecord(int? Leader, IReadOnlyList<SeatCard>? Plays, int? Winner);
