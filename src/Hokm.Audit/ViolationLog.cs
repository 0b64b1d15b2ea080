namespace Hokm.Audit;

/// <summary>Collects the violations of one record, stamping each with the record's line and game id.</summary>
internal sealed class ViolationLog(int line)
{
    private readonly List<AuditViolation> _violations = [];

    /// <summary>Set as soon as the record's id is read, so every later violation carries it.</summary>
    public string? GameId { get; set; }

    public IReadOnlyList<AuditViolation> Violations => _violations;

    public void Add(string rule, string message) => _violations.Add(new AuditViolation(line, GameId, rule, message));
}
