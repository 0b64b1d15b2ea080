namespace Hokm.Server.Tests.Support;

/// <summary>
/// Plays one seat through a protocol client, as a simple human would: names the suit of its first
/// card as trump, plays the first legal card. It acts once per turn (on <c>turn</c>, or on a
/// <c>state</c> saying it is its turn after a reconnection). Any <c>error</c> fails the game.
/// </summary>
internal sealed class TablePlayer(GameClient client, params string[] tolerated)
{
    private bool _acted;

    /// <summary>Errors received whose code the test tolerates (e.g. <c>unavailable</c> during a store outage).</summary>
    public List<ServerFrame> ToleratedErrors { get; } = [];

    public GameClient Client => client;

    public int Seat { get; private set; } = -1;

    public List<string> Hand { get; private set; } = [];

    /// <summary>
    /// Plays until <c>game_over</c> (returned) or until <paramref name="stop"/> says so about a frame
    /// (null returned; that frame is not acted on).
    /// </summary>
    public async Task<ServerFrame?> PlayAsync(Func<ServerFrame, bool>? stop = null, TimeSpan? perFrame = null)
    {
        for (var frames = 0; frames < 20_000; frames++)
        {
            var frame = await client.NextAsync(perFrame ?? GameClient.DefaultTimeout);
            if (stop?.Invoke(frame) == true)
            {
                return null;
            }

            await AcceptAsync(frame);
            if (frame.Type == "game_over")
            {
                return frame;
            }
        }

        throw new InvalidOperationException($"{client.Name}: the game did not end within 20000 frames.");
    }

    /// <summary>Takes in a frame read elsewhere (e.g. the <c>room_joined</c> and <c>state</c> of a reconnection).</summary>
    public async Task AcceptAsync(ServerFrame frame)
    {
        switch (frame.Type)
        {
            case "room_joined":
                Seat = frame.Int("seat");
                break;
            case "cards_dealt":
                Hand = [.. frame.Cards("cards")];
                break;
            case "hakem_chosen":
            case "trump_chosen":
                _acted = false;
                break;
            case "card_played":
                _acted = false;
                if (frame.Int("seat") == Seat)
                {
                    Hand.Remove(frame.Str("card")!);
                }

                break;
            case "turn" when frame.Int("seat") == Seat:
                await ActAsync(frame.Str("action") == "choose_trump", frame.Cards("legal"));
                break;
            case "state":
                Seat = frame.IntOrNull("seat") ?? Seat;
                Hand = [.. frame.Cards("hand")];
                if (frame.IntOrNull("turn") == Seat)
                {
                    await ActAsync(frame.Str("phase") == "choosing_trump", frame.Cards("legal"));
                }

                break;
            case "error" when tolerated.Contains(frame.Code):
                ToleratedErrors.Add(frame);
                break;
            case "error":
                throw new InvalidOperationException($"{client.Name} (seat {Seat}) got an error: {frame.Raw}");
            default:
                break;
        }
    }

    private async Task ActAsync(bool chooseTrump, IReadOnlyList<string> legal)
    {
        if (_acted)
        {
            return;
        }

        _acted = true;
        if (chooseTrump)
        {
            await client.SendAsync("choose_trump", new Dictionary<string, object?> { ["suit"] = Hand[0][^1..] });
        }
        else
        {
            await client.SendAsync("play_card", new Dictionary<string, object?> { ["card"] = legal[0] });
        }
    }
}
