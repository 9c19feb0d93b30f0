using System.CommandLine;
using AzureLocalUpgrade.Engine.Schema;

namespace AzureLocalUpgrade.Cli.Commands;

/// <summary><c>alu schema runbook|cluster|plan|fleet</c>: prints the JSON Schema embedded in this build.</summary>
public sealed class SchemaCommand(CliConsole console)
{
    public static Command Create(CliConsole console)
    {
        var name = new Argument<string>("name") { Description = "runbook, cluster, plan or fleet." };
        name.AcceptOnlyFromAmong("runbook", "cluster", "plan", "fleet");
        var command = new Command("schema", "Print an embedded JSON Schema (for editors and other tools).") { name };
        command.SetAction(parse => new SchemaCommand(console).Run(parse.GetValue(name)!));
        return command;
    }

    public int Run(string name)
    {
        console.Out.Write(SchemaCatalog.ReadText($"{name}.v1.json"));
        return ExitCodes.Success;
    }
}
