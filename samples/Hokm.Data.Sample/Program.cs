using Hokm.Data.Sample;
using Microsoft.Extensions.Configuration;

// Settings from the environment (REDIS_URL, DATABASE_URL, HokmData__…) and arguments; with none,
// embedded Garnet and SQLite under ./sample-data.
var configuration = new ConfigurationBuilder()
    .AddInMemoryCollection(new Dictionary<string, string?> { ["HokmData:Embedded:DataDirectory"] = "sample-data" })
    .AddEnvironmentVariables()
    .AddCommandLine(args)
    .Build();
return await IntegrationExample.RunAsync(configuration, Console.Out);
