namespace SmartCustoms.Targeting.Tests;

/// <summary>One model trained on kcs-train with the default options, shared by the tests that need a real model.</summary>
public sealed class TrainedModel
{
    public TrainedModel()
    {
        Train = KcsCsv.Read(Samples.Train);
        Valid = KcsCsv.Read(Samples.Valid);
        Model = FraudModelTrainer.Train(Train, new TrainingOptions { Validation = Valid }, progress: null);
    }

    public IReadOnlyList<LabelledRecord> Train { get; }
    public IReadOnlyList<LabelledRecord> Valid { get; }
    public FraudModel Model { get; }
}
