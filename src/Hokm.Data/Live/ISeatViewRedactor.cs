namespace Hokm.Data.Live;

/// <summary>
/// Turns a stored state document into what one seat may see. The data layer stores opaque
/// documents, so the host (the game server) supplies this; without one, reconnection data carries
/// no view.
/// </summary>
public interface ISeatViewRedactor
{
    /// <summary>The view of <paramref name="document"/> from <paramref name="seat"/>: never another seat's cards.</summary>
    string Redact(string document, int seat);
}
