import AspireModel

extension Checker {
  mutating func checkCall(_ callee: Identifier, _ arguments: [Expression], at range: SourceRange)
    -> TypedExpression
  {
    if workspace.functions[callee.name] == nil {
      if let entity = Entity(rawValue: callee.name) {
        return checkTableCall(entity, arguments, at: range)
      }
      if let builtin = BuiltinFunction(rawValue: callee.name),
        let aggregate = checkAggregate(builtin, arguments, at: range)
      {
        return aggregate
      }
    }
    var typedArguments = arguments.map { checkExpression($0) }
    if let function = workspace.functions[callee.name], arguments.count < function.parameters.count,
      function.formulaText != nil, arguments.count >= 1
    {
      // A formula's parameters after the enrolment take their default values.
      for defaultValue in function.defaults[arguments.count...] {
        if let defaultValue { typedArguments.append(checkExpression(defaultValue)) }
      }
    }
    let types = typedArguments.map(\.type)
    if let function = workspace.functions[callee.name] {
      guard typedArguments.count == function.parameters.count else {
        // A formula may leave out the parameters that have defaults.
        let least = function.formulaText == nil ? function.parameters.count : 1
        let most = function.parameters.count
        let takes =
          least == most
          ? count(most, "argument")
          : "\(least) \(most == least + 1 ? "or" : "to") \(count(most, "argument"))"
        report("\"\(callee.name)\" takes \(takes), found \(arguments.count)", at: range)
        return TypedExpression(.constant(.missing), type: .error, range: range)
      }
      if functionStack.contains(callee.name) {
        let path = (functionStack.drop { $0 != callee.name } + [callee.name])
          .joined(separator: " calls ")
        report(
          "recursion is not allowed: \(path)", at: callee.range,
          help: "a function may not call itself, directly or through others")
        return TypedExpression(.constant(.missing), type: .error, range: range)
      }
      guard let index = specialise(function, for: types) else {
        return TypedExpression(.constant(.missing), type: .error, range: range)
      }
      let type = workspace.functionBodies[index].body.type
      return TypedExpression(.call(index, typedArguments), type: type, range: range)
    }
    guard let builtin = BuiltinFunction(rawValue: callee.name) else {
      if resolvesToValue(callee.name) {
        report("\"\(callee.name)\" is not a function", at: callee.range)
      } else {
        let candidates = Array(workspace.functions.keys) + BuiltinFunction.allCases.map(\.rawValue)
        report(
          "unknown function \"\(callee.name)\"", at: callee.range,
          help: closestName(to: callee.name, among: candidates).map { "did you mean \"\($0)\"?" })
      }
      return TypedExpression(.constant(.missing), type: .error, range: range)
    }
    switch builtin.resultType(for: types) {
    case .success(let type):
      return TypedExpression(.builtin(builtin, typedArguments), type: type, range: range)
    case .failure(.arity):
      report(
        "wrong number of arguments to \(builtin.rawValue): found \(arguments.count)", at: range,
        help: "write \(builtin.signature)")
    case .failure(.argument(let index, let expected)):
      if types[index] != .error {
        report(
          "\(builtin.rawValue) needs \(expected), found \(types[index])",
          at: arguments[index].range, help: "write \(builtin.signature)")
      }
    }
    return TypedExpression(.builtin(builtin, typedArguments), type: .error, range: range)
  }

  func resolvesToValue(_ name: String) -> Bool {
    scopes.contains { $0[name] != nil } || workspace.globalIndex[name] != nil
      || BuiltinConstants.values[name] != nil
  }

  /// Checks a function's body for these argument types, once per list of types.
  mutating func specialise(_ function: Workspace.Function, for types: [ValueType]) -> Int? {
    if let index = workspace.functions[function.name]?.bodies[types] { return index }
    let saved = (scopes, nextSlot, maximumSlot, localTypes)
    scopes = [[:]]
    localTypes = [:]
    (nextSlot, maximumSlot) = (0, 0)
    for (parameter, type) in zip(function.parameters, types) {
      scopes[0][parameter.name] = nextSlot
      localTypes[nextSlot] = type
      nextSlot += 1
    }
    maximumSlot = nextSlot
    functionStack.append(function.name)
    let body = checkExpression(function.body)
    functionStack.removeLast()
    let slotCount = maximumSlot
    (scopes, nextSlot, maximumSlot, localTypes) = saved
    let index = workspace.functionBodies.count
    workspace.functionBodies.append(
      FunctionBody(
        name: function.name, parameterCount: types.count, slotCount: slotCount, body: body))
    workspace.functions[function.name]?.bodies[types] = index
    return index
  }

  func count(_ number: Int, _ noun: String) -> String {
    "\(number) \(noun)\(number == 1 ? "" : "s")"
  }
}
