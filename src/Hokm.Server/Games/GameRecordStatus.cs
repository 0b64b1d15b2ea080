namespace Hokm.Server.Games;

/// <summary>Whether a game's record can be served.</summary>
internal enum GameRecordStatus
{
    /// <summary>The record is complete.</summary>
    Found,

    /// <summary>No game has that id.</summary>
    NotFound,

    /// <summary>The game is still being played (its seed stays secret).</summary>
    InProgress,

    /// <summary>The game is over but some of its moves are still on their way from the live store.</summary>
    Incomplete,

    /// <summary>The stored moves do not replay (should never happen).</summary>
    Inconsistent,
}
