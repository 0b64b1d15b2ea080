using Hokm.Server;

var app = HokmServerApp.Build(args);
await app.RunAsync();
