using System.Management.Automation;
using AzureLocalUpgrade.Simulation.Cmdlets;

namespace AzureLocalUpgrade.Simulation.Tests.Conformance;

/// <summary>One parameter set membership of a simulated parameter, as PowerShell's metadata reports it.</summary>
internal sealed record SimulatedSetEntry(string Set, int? Position, bool Mandatory);

/// <summary>A simulated parameter: name, aliases, the values it accepts (ValidateSet or enum; null for any) and sets.</summary>
internal sealed record SimulatedParameter(string Name, IReadOnlyList<string> Aliases, IReadOnlyList<string>? AcceptedValues, IReadOnlyList<SimulatedSetEntry> Sets);

/// <summary>
/// What a simulator cmdlet declares, read the way PowerShell reads it (CommandMetadata, ParameterMetadata, OutputType),
/// so the comparison sees exactly what a script calling it would see.
/// </summary>
internal sealed record SimulatedCmdlet(string Name, IReadOnlyList<SimulatedParameter> Parameters, IReadOnlyList<string> OutputTypes, bool SolutionOnly)
{
    /// <summary>Every cmdlet the simulator assembly defines (the same discovery rule as SimulatorCommands), by name.</summary>
    public static IReadOnlyDictionary<string, Type> Types { get; } = typeof(SimulatorCmdlet).Assembly.GetTypes()
        .Where(t => !t.IsAbstract && t.IsDefined(typeof(CmdletAttribute), inherit: false))
        .ToDictionary(
            t => t.GetCustomAttributes(typeof(CmdletAttribute), false).OfType<CmdletAttribute>().Single() is var a ? $"{a.VerbName}-{a.NounName}" : "",
            StringComparer.OrdinalIgnoreCase);

    public static SimulatedCmdlet Read(string name)
    {
        var type = Types[name];
        var metadata = new CommandMetadata(type);
        var parameters = metadata.Parameters.Values.Select(ReadParameter).ToList();
        if (metadata.SupportsShouldProcess)
        {
            // PowerShell adds these two to every ShouldProcess cmdlet; the reference pages list them as parameters.
            parameters.Add(new SimulatedParameter("WhatIf", ["wi"], null, [new SimulatedSetEntry(ParameterAttribute.AllParameterSets, null, false)]));
            parameters.Add(new SimulatedParameter("Confirm", ["cf"], null, [new SimulatedSetEntry(ParameterAttribute.AllParameterSets, null, false)]));
        }

        var outputs = type.GetCustomAttributes(typeof(OutputTypeAttribute), inherit: true).OfType<OutputTypeAttribute>()
            .SelectMany(o => o.Type).Select(t => t.Name).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        // The simulator's declaration that a command exists only where the Azure Local solution is deployed.
        var solutionOnly = type.GetCustomAttributes(inherit: false).Any(a => a.GetType().Name == "SolutionOnlyAttribute");
        return new SimulatedCmdlet(name, parameters, outputs, solutionOnly);
    }

    private static SimulatedParameter ReadParameter(ParameterMetadata parameter) => new(
        parameter.Name,
        [.. parameter.Aliases],
        AcceptedValues(parameter),
        [.. parameter.ParameterSets.Select(s => new SimulatedSetEntry(
            s.Key,
            s.Value.Position == int.MinValue ? null : s.Value.Position,
            s.Value.IsMandatory))]);

    private static string[]? AcceptedValues(ParameterMetadata parameter)
    {
        var validateSet = parameter.Attributes.OfType<ValidateSetAttribute>().FirstOrDefault();
        if (validateSet is not null)
        {
            return [.. validateSet.ValidValues];
        }

        var type = Nullable.GetUnderlyingType(parameter.ParameterType) ?? parameter.ParameterType;
        type = type.IsArray ? type.GetElementType()! : type;
        return type.IsEnum ? Enum.GetNames(type) : null;
    }
}
