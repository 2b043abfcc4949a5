public import DocumentModel
public import Entities

/// `entities`: dates, periods, money, provinces, countries, partners, TWGs, organisations,
/// people, document numbers and contacts, with exact offsets and canonical values.
public struct EntitiesStage: Stage {
    public static let name = "entities"
    public static let summary = "find entities (dates, money, provinces, partners, TWGs, people, …) with offsets and canonical values"
    public static let options = [
        OptionSpec("types", "the entity types to keep (default: all): " + EntityType.allCases.map(\.rawValue).joined(separator: ", ")),
    ]
    public static let requires: Set<Capability> = [.normalizedText]
    public static let provides: Set<Capability> = [.entities]

    public let recognizer: EntityRecognizer

    public init(options: StageOptions) throws(PipelineError) {
        var types: Set<EntityType>? = nil
        if let value = options.values["types"] {
            guard case .list(let items) = value else {
                throw PipelineError(file: options.file, key: "\(options.path).types", reason: "expected a list of entity types")
            }
            var chosen = Set<EntityType>()
            for item in items {
                guard case .string(let word) = item, let type = EntityType(rawValue: word) else {
                    let allowed = EntityType.allCases.map(\.rawValue).joined(separator: ", ")
                    throw PipelineError(file: options.file, key: "\(options.path).types", reason: "\(item.display) is not one of: \(allowed)")
                }
                chosen.insert(type)
            }
            types = chosen
        }
        let standard: EntityRecognizer
        do {
            standard = try EntityRecognizer.standard()
        } catch {
            throw PipelineError(file: options.file, key: options.path, reason: "cannot load the entity data: \(error)")
        }
        recognizer = EntityRecognizer(recognizers: standard.recognizers, types: types)
    }

    public func process(_ document: inout Document, context: StageContext) throws(DocumentError) {
        document.entities = recognizer.entities(in: document.text)
    }
}
