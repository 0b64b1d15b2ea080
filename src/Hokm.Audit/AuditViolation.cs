namespace Hokm.Audit;

/// <summary>One broken rule found in a game record.</summary>
/// <param name="Line">The 1-based line of the record in its JSON Lines file (1 for a single record).</param>
/// <param name="GameId">The record's <c>gameId</c>, when it could be read.</param>
/// <param name="Rule">A short stable id of the rule, one of <see cref="AuditRules"/>.</param>
/// <param name="Message">What was wrong, with enough context (hand, trick, seat, card) to find it.</param>
public sealed record AuditViolation(int Line, string? GameId, string Rule, string Message);
