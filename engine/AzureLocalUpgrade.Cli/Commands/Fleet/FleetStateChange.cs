using System.CommandLine;
using AzureLocalUpgrade.Cli.Output;
using AzureLocalUpgrade.Fleet.Running;
using AzureLocalUpgrade.Fleet.Storage;

namespace AzureLocalUpgrade.Cli.Commands.Fleet;

/// <summary>
/// A command that moves a fleet run from one state to another (<c>stop</c>, <c>resume</c>): find the fleet, ask the
/// store for the change, and either say what happens next or refuse with ALU7103 when the fleet is in a state the
/// change does not start from (the store decides that atomically, so two operators cannot both apply it).
/// </summary>
internal sealed record FleetStateChange(
    string Name,
    string Description,
    Func<FleetStore, string, string, DateTimeOffset, CancellationToken, Task<bool>> Apply,
    Func<FleetRow, string> Refusal,
    string RefusalHint,
    Func<string, string> Done)
{
    public Command Create(CliConsole console, FleetControl options)
    {
        var command = options.Command(Name, Description);
        command.SetAction((parse, ct) => RunAsync(console, options.Read(parse), ct));
        return command;
    }

    public async Task<int> RunAsync(CliConsole console, FleetControl.Target target, CancellationToken cancellationToken)
    {
        if (await FleetControl.FindAsync(target, console, cancellationToken).ConfigureAwait(false) is not var (store, fleet))
        {
            return ExitCodes.InvalidInput;
        }

        if (!await Apply(store, target.FleetId, Environment.UserName, DateTimeOffset.UtcNow, cancellationToken).ConfigureAwait(false))
        {
            FleetStoreAccess.Render(console, target.Format, FleetRunCodes.WrongFleetState, Refusal(fleet), RefusalHint);
            return ExitCodes.InvalidInput;
        }

        console.Out.WriteLine(Done(target.FleetId));
        return ExitCodes.Success;
    }
}
