namespace Hokm.Server.Tests.Support;

/// <summary>Runs several table players at once and reports every failure, not just the first.</summary>
internal static class Tables
{
    /// <param name="players">The players.</param>
    /// <param name="stop">Makes each player's own stop condition (null: play to the end).</param>
    public static async Task<ServerFrame?[]> PlayAllAsync(IEnumerable<TablePlayer> players, Func<Func<ServerFrame, bool>>? stop = null)
    {
        var tasks = players.Select(p => p.PlayAsync(stop?.Invoke())).ToArray();
        try
        {
            return await Task.WhenAll(tasks);
        }
        catch
        {
            var failures = tasks.Where(static t => t.IsFaulted).SelectMany(static t => t.Exception!.InnerExceptions).Select(static e => e.Message);
            throw new InvalidOperationException(string.Join(Environment.NewLine + "----" + Environment.NewLine, failures));
        }
    }
}
