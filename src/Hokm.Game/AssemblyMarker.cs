namespace Hokm.Game;

/// <summary>Placeholder until the first real type lands.</summary>
internal static class AssemblyMarker;
