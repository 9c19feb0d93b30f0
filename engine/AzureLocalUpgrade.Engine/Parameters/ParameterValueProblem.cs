namespace AzureLocalUpgrade.Engine.Parameters;

/// <summary>Why a parameter value was refused; each maps to one ALU23xx code.</summary>
public enum ParameterValueProblem
{
    None,
    WrongType,
    NotInEnum,
    PatternMismatch,
}
