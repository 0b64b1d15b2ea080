using System.Text.Json.Nodes;

namespace Hokm.Server.Tests.Support;

/// <summary>Compares <c>state</c> messages: everything but the request id they answer (and, when asked, fields that legitimately move).</summary>
internal static class States
{
    public static string Comparable(ServerFrame state, params string[] ignore)
    {
        Assert.Equal("state", state.Type);
        var node = JsonNode.Parse(state.Raw)!.AsObject();
        node.Remove("replyTo");
        foreach (var name in ignore)
        {
            node.Remove(name);
        }

        return node.ToJsonString();
    }
}
