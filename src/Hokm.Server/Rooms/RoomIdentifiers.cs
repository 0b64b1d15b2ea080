using System.Globalization;
using Hokm.Server.Protocol;

namespace Hokm.Server.Rooms;

/// <summary>
/// Room codes and game ids from an injected random source (so tests can fix them). Not secrets:
/// a room code is shared on purpose, and a game id only names a record that is public once the game is over.
/// </summary>
internal sealed class RoomIdentifiers(Random random)
{
    private readonly Lock _gate = new();

    /// <summary>A fresh room code (6 of A-Z, 2-9).</summary>
    public string NewRoomCode()
    {
        Span<char> code = stackalloc char[RoomCodes.Length];
        lock (_gate)
        {
            for (var i = 0; i < code.Length; i++)
            {
                code[i] = RoomCodes.Alphabet[random.Next(RoomCodes.Alphabet.Length)];
            }
        }

        return new string(code);
    }

    /// <summary>A fresh game id: 32 lowercase hex characters, prefixed by the start time so ids sort by time.</summary>
    public string NewGameId(DateTimeOffset now)
    {
        Span<byte> bytes = stackalloc byte[10];
        lock (_gate)
        {
            random.NextBytes(bytes);
        }

        return now.ToUnixTimeMilliseconds().ToString("x12", CultureInfo.InvariantCulture) + Convert.ToHexStringLower(bytes);
    }
}
