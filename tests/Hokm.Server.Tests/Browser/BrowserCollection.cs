namespace Hokm.Server.Tests.Browser;

/// <summary>The browser tests share one server and one Chromium, and run one at a time (2-core CI).</summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
