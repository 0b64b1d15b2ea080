namespace Hokm.Data.Consistency;

/// <summary>The guide's <c>check_data_consistency</c> result.</summary>
/// <param name="DataType">What was checked: <c>game_sessions</c>, <c>outbox</c>, <c>dead_letters</c> or <c>all</c>.</param>
/// <param name="Sampled">Rooms looked at.</param>
/// <param name="Issues">The differences found.</param>
public sealed record ConsistencyReport(string DataType, int Sampled, IReadOnlyList<ConsistencyIssue> Issues)
{
    /// <summary>True when nothing was found.</summary>
    public bool Consistent => Issues.Count == 0;
}
