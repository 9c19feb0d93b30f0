using AzureLocalUpgrade.Engine.Graph;

namespace AzureLocalUpgrade.Engine.Execution.Scheduling;

/// <summary>The scheduler's mutable view of one step. Touched only on the scheduling loop.</summary>
internal sealed class StepState(GraphStep step, IReadOnlyList<Requirement> requirements, InstanceState? instance)
{
    public GraphStep Step { get; } = step;

    public IReadOnlyList<Requirement> Requirements { get; } = requirements;

    /// <summary>The forEach node instance the step belongs to (the nearest one), or null.</summary>
    public InstanceState? Instance { get; } = instance;

    public StepStatus Status { get; set; } = StepStatus.Pending;

    public int Attempts { get; set; }

    public TimeSpan Duration { get; set; }

    public string? Message { get; set; }

    /// <summary>Done by an earlier session of the same run (a resume), not by this one.</summary>
    public bool RanInEarlierSession { get; set; }

    public bool IsDone => Status is StepStatus.Succeeded or StepStatus.Skipped;

    public StepRecord ToRecord() => new(Step.Id, Step.Target.ToString(), Status, Attempts, Duration, Message);
}
