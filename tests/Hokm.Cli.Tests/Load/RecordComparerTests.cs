using Hokm.Cli.Load;

namespace Hokm.Cli.Tests.Load;

public sealed class RecordComparerTests
{
    // Two hands: the first with one full trick and one of two plays (a game record keeps only tricks played).
    private const string Record = """
        {"format":"hokm-record/1","gameId":"g1","extra":{"ignored":true},"hands":[
          {"number":1,"hakem":0,"tricks":[
            {"leader":0,"plays":[{"seat":0,"card":"AS"},{"seat":1,"card":"3S"},{"seat":2,"card":"KS"},{"seat":3,"card":"2S"}],"winner":0},
            {"leader":0,"plays":[{"seat":0,"card":"10H"},{"seat":1,"card":"QH"}],"winner":1}]},
          {"number":2,"hakem":1,"tricks":[
            {"leader":1,"plays":[{"seat":1,"card":"7D"},{"seat":2,"card":"8D"},{"seat":3,"card":"9D"},{"seat":0,"card":"JD"}],"winner":0}]}
        ]}
        """;

    private static readonly ObservedPlay[] Seen =
    [
        new(1, 0, "AS"), new(1, 1, "3S"), new(1, 2, "KS"), new(1, 3, "2S"),
        new(1, 0, "10H"), new(1, 1, "QH"),
        new(2, 1, "7D"), new(2, 2, "8D"), new(2, 3, "9D"), new(2, 0, "JD"),
    ];

    [Fact]
    public void A_record_holding_exactly_the_plays_seen_has_no_differences()
    {
        Assert.Empty(RecordComparer.Compare(Record, Seen));
    }

    [Fact]
    public void A_different_card_is_reported_with_its_hand_trick_and_play()
    {
        var seen = Seen.ToArray();
        seen[5] = new ObservedPlay(1, 1, "KH");
        var difference = Assert.Single(RecordComparer.Compare(Record, seen));
        Assert.Equal("hand 1 trick 2 play 2: record has seat 1 QH, clients saw seat 1 KH", difference);
    }

    [Fact]
    public void A_play_missing_from_the_record_is_reported()
    {
        var seen = Seen.Append(new ObservedPlay(2, 1, "AD")).ToArray();
        var difference = Assert.Single(RecordComparer.Compare(Record, seen));
        Assert.Contains("hand 2 trick 2 play 1: record has nothing, clients saw seat 1 AD", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void A_play_the_clients_never_saw_is_reported()
    {
        var difference = Assert.Single(RecordComparer.Compare(Record, Seen[..^1]));
        Assert.Contains("record has seat 0 JD, clients saw nothing", difference, StringComparison.Ordinal);
    }

    [Fact]
    public void A_hand_the_record_lacks_is_reported()
    {
        var seen = Seen.Append(new ObservedPlay(3, 2, "5C")).ToArray();
        Assert.Contains("hand 3: clients saw 1 plays the record does not hold", RecordComparer.Compare(Record, seen));
    }

    [Fact]
    public void A_short_trick_in_the_middle_of_a_hand_is_reported()
    {
        const string record = """
            {"hands":[{"number":1,"tricks":[
              {"plays":[{"seat":0,"card":"AS"},{"seat":1,"card":"3S"}]},
              {"plays":[{"seat":2,"card":"KS"},{"seat":3,"card":"2S"}]}]}]}
            """;
        ObservedPlay[] seen = [new(1, 0, "AS"), new(1, 1, "3S"), new(1, 2, "KS"), new(1, 3, "2S")];
        Assert.Contains("hand 1 trick 1: record holds 2 plays", RecordComparer.Compare(record, seen));
    }

    [Fact]
    public void An_unreadable_record_is_a_difference_not_a_crash()
    {
        Assert.StartsWith("record is not readable", Assert.Single(RecordComparer.Compare("{\"hands\":3}", Seen)), StringComparison.Ordinal);
        Assert.StartsWith("record is not readable", Assert.Single(RecordComparer.Compare("not json", Seen)), StringComparison.Ordinal);
    }

    [Fact]
    public void Merged_observations_keep_server_order_and_flag_clients_that_disagree()
    {
        var game = new ObservedGame();
        game.Add(3, new ObservedPlay(1, 1, "3S"));
        game.Add(2, new ObservedPlay(1, 0, "AS"));
        game.Add(3, new ObservedPlay(1, 1, "3S"));
        Assert.Equal([new(1, 0, "AS"), new(1, 1, "3S")], game.Plays());
        Assert.Empty(game.Conflicts);
        game.Add(3, new ObservedPlay(1, 1, "4S"));
        Assert.Single(game.Conflicts);
    }

    [Fact]
    public void The_hakem_names_the_suit_it_holds_most()
    {
        Assert.Equal("H", BotClient.MostHeldSuit(["AS", "2H", "3H", "KD", "10H"]));
        Assert.Equal("S", BotClient.MostHeldSuit([]));
    }
}
