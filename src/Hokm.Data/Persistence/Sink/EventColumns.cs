using Hokm.Data.Persistence.Events;

namespace Hokm.Data.Persistence.Sink;

/// <summary>How the event enums are stored: the same words as in the JSON payloads.</summary>
internal static class EventColumns
{
    public static string Kind(MoveKind kind) => kind == MoveKind.Trump ? "trump" : "play";

    public static string Kot(KotKind kot) => kot switch
    {
        KotKind.Kot => "kot",
        KotKind.HakemKot => "hakem_kot",
        _ => "none",
    };

    public static string Team(TeamSide team) => team == TeamSide.A ? "A" : "B";
}
