using Hokm.Game.Cards;

namespace Hokm.Game.Rules;

public sealed partial class HokmGame
{
    /// <summary>The full server-side state (all hands): store it, never send it to a player.</summary>
    public GameSnapshot ToSnapshot()
    {
        var hands = new IReadOnlyList<Card>[Seats.Count];
        for (var s = 0; s < Seats.Count; s++)
        {
            hands[s] = _hands[s].ToArray();
        }

        var trick = new Card[_trick.Count];
        for (var i = 0; i < trick.Length; i++)
        {
            trick[i] = _trick.CardAt(i);
        }

        return new GameSnapshot
        {
            Seed = Seed,
            Options = Options,
            Phase = _phase,
            HandNumber = _handNumber,
            Hakem = _hakem,
            Trump = _trump,
            TrumpAuto = _trumpAuto,
            Leader = _trick.Leader,
            Hands = hands,
            Trick = trick,
            Tricks = _tricks,
            Score = _score,
        };
    }

    /// <summary>
    /// Rebuilds a game from <see cref="ToSnapshot"/>; it continues exactly as the original would.
    /// </summary>
    /// <exception cref="ArgumentException">The snapshot is inconsistent (corrupt or tampered with).</exception>
    public static HokmGame Restore(GameSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        if (snapshot.Format != GameSnapshot.CurrentFormat)
        {
            throw Corrupt($"format {snapshot.Format} is not supported");
        }

        ArgumentException.ThrowIfNullOrEmpty(snapshot.Seed, nameof(snapshot));
        ArgumentNullException.ThrowIfNull(snapshot.Options, nameof(snapshot));
        if (!Enum.IsDefined(snapshot.Phase) || snapshot.HandNumber < 1 || !Seats.IsValid(snapshot.Hakem) || !Seats.IsValid(snapshot.Leader))
        {
            throw Corrupt("phase, hand number, Hakem or leader out of range");
        }

        var game = new HokmGame(snapshot.Seed, snapshot.Options)
        {
            _phase = snapshot.Phase,
            _handNumber = snapshot.HandNumber,
            _hakem = snapshot.Hakem,
            _trump = snapshot.Trump,
            _trumpAuto = snapshot.TrumpAuto,
            _tricks = snapshot.Tricks,
            _score = snapshot.Score,
        };

        if (snapshot.Hands is not { Count: Seats.Count } || snapshot.Trick is not { Count: < Seats.Count })
        {
            throw Corrupt("there must be four hands and at most three cards on the table");
        }

        var seen = CardSet.Empty;
        for (var s = 0; s < Seats.Count; s++)
        {
            var hand = CardSet.Of(snapshot.Hands[s] ?? throw Corrupt("a hand is null"));
            if (hand.Count != snapshot.Hands[s].Count || hand.Overlaps(seen))
            {
                throw Corrupt("a card appears twice");
            }

            game._hands[s] = hand;
            seen = seen.Union(hand);
        }

        var trick = Trick.Start(snapshot.Leader);
        foreach (var card in snapshot.Trick)
        {
            if (seen.Contains(card))
            {
                throw Corrupt("a card appears twice");
            }

            trick = trick.Add(card);
            seen = seen.Add(card);
        }

        game._trick = trick;
        game._played = snapshot.Phase == GamePhase.ChoosingTrump ? CardSet.Empty : CardSet.FullDeck.Except(seen);
        game.CheckRestored();
        return game;
    }

    private static ArgumentException Corrupt(string why) => new($"Inconsistent game snapshot: {why}.", "snapshot");

    private void CheckRestored()
    {
        var tricksPlayed = _tricks.A + _tricks.B;
        var handOver = _tricks.A >= TricksToWin || _tricks.B >= TricksToWin;
        var scoreReached = Math.Max(_score.A, _score.B) >= Options.TargetScore;
        var ok = _phase switch
        {
            GamePhase.ChoosingTrump => _trump is null && tricksPlayed == 0 && _trick.Count == 0 && _trick.Leader == _hakem && !scoreReached && DealtFirstFive(),
            GamePhase.Playing => _trump is not null && !handOver && !scoreReached && HandSizesMatch(tricksPlayed),
            GamePhase.HandOver => _trump is not null && handOver && !scoreReached && _trick.Count == 0,
            _ => _trump is not null && handOver && scoreReached && _trick.Count == 0,
        };
        if (!ok || _trump is { } trump && !Suits.IsDefined(trump) || _tricks.A < 0 || _tricks.B < 0 || _score.A < 0 || _score.B < 0)
        {
            throw Corrupt($"the state does not fit the phase {_phase}");
        }
    }

    private bool DealtFirstFive()
    {
        var deck = DeckOf(_handNumber);
        for (var k = 0; k < Seats.Count; k++)
        {
            if (_hands[(_hakem + k) & 3] != CardSet.Of(deck.Slice(FirstPacketSize * k, FirstPacketSize)))
            {
                return false;
            }
        }

        return true;
    }

    private bool HandSizesMatch(int tricksPlayed)
    {
        for (var s = 0; s < Seats.Count; s++)
        {
            var playedInTrick = _trick.CardOf(s) is null ? 0 : 1;
            if (_hands[s].Count != HandSize - tricksPlayed - playedInTrick)
            {
                return false;
            }
        }

        return true;
    }
}
