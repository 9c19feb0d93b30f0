using AzureLocalUpgrade.Engine.Model;

namespace AzureLocalUpgrade.Engine.Tests.Execution;

/// <summary>A step inside a forEach body of a <see cref="TestGraph"/>.</summary>
internal sealed record InstanceStep(string Id, StepKind Kind = StepKind.PowerShell, string[]? Tags = null, bool Idempotent = false);
