using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace Hokm.Server.Tests.Compose;

/// <summary>docker-compose.yml as YAML nodes, with compose's <c>${VAR:-default}</c> interpolation applied to scalars on request.</summary>
internal sealed partial class ComposeFile
{
    private ComposeFile(YamlMappingNode root)
    {
        Root = root;
    }

    public YamlMappingNode Root { get; }

    public YamlMappingNode Services => Map(Root, "services");

    public static ComposeFile Load(string relativePath = "docker-compose.yml")
    {
        var stream = new YamlStream();
        using var reader = new StringReader(RepositoryFiles.Read(relativePath));
        stream.Load(reader);
        return new ComposeFile((YamlMappingNode)stream.Documents.Single().RootNode);
    }

    public YamlMappingNode Service(string name) => Map(Services, name);

    public static YamlMappingNode Map(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child)
            ? Assert.IsType<YamlMappingNode>(child)
            : throw new Xunit.Sdk.XunitException($"'{key}' is missing");

    public static YamlNode? Find(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var child) ? child : null;

    public static string Scalar(YamlMappingNode node, string key) =>
        Find(node, key) is YamlScalarNode { Value: { } value } ? value : throw new Xunit.Sdk.XunitException($"'{key}' is not a scalar");

    /// <summary>A list of scalars, or a string split on spaces (compose accepts both for command and test).</summary>
    public static IReadOnlyList<string> Words(YamlNode? node) => node switch
    {
        YamlSequenceNode sequence => sequence.Children.Select(static c => ((YamlScalarNode)c).Value ?? "").ToList(),
        YamlScalarNode scalar => (scalar.Value ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries),
        _ => [],
    };

    /// <summary>A service's environment (map or KEY=VALUE list), interpolated with no variables set.</summary>
    public static IReadOnlyDictionary<string, string> Environment(YamlMappingNode service)
    {
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        switch (Find(service, "environment"))
        {
            case YamlMappingNode map:
                foreach (var (key, value) in map.Children)
                {
                    result.Add(((YamlScalarNode)key).Value!, Interpolate(((YamlScalarNode)value).Value ?? ""));
                }

                break;
            case YamlSequenceNode list:
                foreach (var item in list.Children.Cast<YamlScalarNode>())
                {
                    var text = item.Value!;
                    var equals = text.IndexOf('=', StringComparison.Ordinal);
                    result.Add(equals < 0 ? text : text[..equals], equals < 0 ? "" : Interpolate(text[(equals + 1)..]));
                }

                break;
        }

        return result;
    }

    /// <summary>Compose interpolation as when none of the variables is set: defaults apply; a required one fails.</summary>
    public static string Interpolate(string value) => Variable().Replace(value, static match =>
    {
        var operation = match.Groups["op"].Value;
        var argument = match.Groups["arg"].Value;
        return operation switch
        {
            ":-" or "-" => argument,
            ":?" or "?" => throw new Xunit.Sdk.XunitException($"${{{match.Groups["name"].Value}}} is required: {argument}"),
            _ => "",
        };
    });

    [GeneratedRegex(@"\$\{(?<name>[A-Za-z_][A-Za-z0-9_]*)(?:(?<op>:-|-|:\?|\?)(?<arg>[^}]*))?\}")]
    private static partial Regex Variable();
}
