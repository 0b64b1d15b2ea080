namespace Hokm.Audit;

/// <summary>The result of auditing a JSON Lines file of game records.</summary>
/// <param name="Games">How many records (non-empty lines) were audited.</param>
/// <param name="Violations">Every violation found, in line order.</param>
public sealed record AuditSummary(int Games, IReadOnlyList<AuditViolation> Violations);
