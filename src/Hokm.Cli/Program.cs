using System.CommandLine;
using Hokm.Cli.Auditing;
using Hokm.Cli.DeadLetters;
using Hokm.Cli.Load;
using Hokm.Cli.Simulation;

var root = new RootCommand("Hokm command line: offline bot games and game-record audits.")
{
    SimulateCommand.Create(),
    AuditCommand.Create(),
    DeadLettersCommand.Create(),
    LoadCommand.Create(),
};

return root.Parse(args).Invoke();
