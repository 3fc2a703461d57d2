import ArgumentParser
import DossierKit

extension FactWording.Language: ExpressibleByArgument {}
