using System.Management.Automation;
using System.Management.Automation.Runspaces;

namespace AzureLocalUpgrade.PowerShell.Hosting;

/// <summary>
/// The engine's base session state: every local runspace (orchestrator, simulated node) starts from it.
/// Built once per host; connectors that add cmdlets (the simulator) clone it rather than change it.
/// </summary>
public static class EngineSessionState
{
    /// <summary>Builds the base state: the engine's core commands, strict errors, every stream captured, the prelude.</summary>
    public static InitialSessionState Create()
    {
        // CreateDefault() is the state pwsh itself starts from: the engine plus the cmdlets of
        // Microsoft.PowerShell.Utility, Management, Security and Host, which the SDK package ships, registered directly.
        // CreateDefault2() would leave them to module auto-loading, which imports the module anew in every runspace on
        // the first call (≈ 0.2-0.4 s each; a 16-node simulated run opens 69 runspaces). Scripts therefore run on the
        // real Select-Object, ConvertTo-Json, Write-Warning... everywhere, as on a node.
        var state = InitialSessionState.CreateDefault();

        // Stop turns every error record into a terminating error, so a failing command fails the step
        // instead of letting the script run on.
        AddPreference(state, "ErrorActionPreference", ActionPreference.Stop);

        // The host records these streams; at their default (SilentlyContinue) they would never be written.
        AddPreference(state, "VerbosePreference", ActionPreference.Continue);
        AddPreference(state, "InformationPreference", ActionPreference.Continue);
        AddPreference(state, "DebugPreference", ActionPreference.Continue);
        AddPreference(state, "WarningPreference", ActionPreference.Continue);

        // One thread per runspace, reused by every pipeline: cmdlets that keep thread affinity behave, and
        // a runspace costs one thread however many steps run in it.
        state.ThreadOptions = PSThreadOptions.ReuseThread;

        state.Commands.Add(new SessionStateFunctionEntry(WriteAluLog.FunctionName, WriteAluLog.Body));
        state.Commands.Add(new SessionStateFunctionEntry(StepWrapper.FunctionName, StepWrapper.Body, ScopedItemOptions.ReadOnly, helpFile: null));
        return state;
    }

    private static void AddPreference(InitialSessionState state, string name, ActionPreference value) =>
        state.Variables.Add(new SessionStateVariableEntry(name, value, null));
}
