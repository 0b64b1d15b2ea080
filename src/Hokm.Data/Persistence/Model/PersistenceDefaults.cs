namespace Hokm.Data.Persistence.Model;

/// <summary>Values the schema and the code share.</summary>
public static class PersistenceDefaults
{
    /// <summary>A new player's rating.</summary>
    public const double InitialRating = 1500;
}
